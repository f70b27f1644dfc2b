import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePadEngine from 'signature_pad';
import { useTouchSize } from './touch.tsx';

/** A box the representative signs in with a finger or stylus; `onAccept` receives the PNG bytes. */
export function SignaturePad({
  onAccept,
  disabled,
}: {
  onAccept: (png: Uint8Array) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const size = useTouchSize();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadEngine | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const engine = new SignaturePadEngine(element, { backgroundColor: 'rgb(255,255,255)' });
    engine.addEventListener('endStroke', () => setEmpty(engine.isEmpty()));
    pad.current = engine;
    return () => engine.off();
  }, []);

  const accept = () => {
    const engine = pad.current;
    if (!engine || engine.isEmpty()) return;
    const base64 = engine.toDataURL('image/png').split(',')[1] ?? '';
    onAccept(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0)));
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('inspectionUi.signatureHint')}
      </Text>
      <Paper withBorder>
        <canvas
          ref={canvas}
          data-testid="signature-canvas"
          style={{ width: '100%', height: 180, touchAction: 'none', display: 'block' }}
        />
      </Paper>
      <Group>
        <Button size={size} onClick={accept} disabled={disabled || empty}>
          {t('inspectionUi.signatureAccept')}
        </Button>
        <Button
          size={size}
          variant="default"
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
          }}
        >
          {t('inspectionUi.signatureClear')}
        </Button>
      </Group>
    </Stack>
  );
}
