import { Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

interface Props {
  label: ReactNode;
  children: ReactNode;
  /** The value holds block content (a paragraph cannot). */
  block?: boolean;
  /** Style of the value. */
  style?: CSSProperties;
}

/** One labelled value of a record: the label small and dimmed above the value. */
export function Fact({ label, children, block = false, style }: Props) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {block ? (
        <Text component="div" style={style}>
          {children}
        </Text>
      ) : (
        <Text style={style}>{children}</Text>
      )}
    </div>
  );
}
