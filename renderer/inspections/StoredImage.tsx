import { Image, Paper } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../shared/base/attachment.ts';
import { useServices } from '../app/services.ts';

/** A stored photo or signature: from this computer, else fetched from the platform and kept. */
export function StoredImage({ photo, alt, height }: { photo: Attachment; alt: string; height: number }) {
  const { inspections, sync } = useServices();
  const [url, setUrl] = useState('');
  useEffect(() => {
    let objectUrl = '';
    let live = true;
    inspections.attachments
      .read(photo.sha256, (sha256) => sync.fetchBlob(sha256))
      .then((read) => {
        if (!read.ok || !live) return;
        objectUrl = URL.createObjectURL(
          new Blob([read.value as Uint8Array<ArrayBuffer>], { type: photo.mimeType }),
        );
        setUrl(objectUrl);
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [inspections, sync, photo.sha256, photo.mimeType]);
  return url ? (
    <Image src={url} alt={alt} h={height} w="auto" maw="100%" fit="contain" radius="sm" />
  ) : (
    <Paper withBorder h={height} w={height} />
  );
}
