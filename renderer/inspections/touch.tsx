import { Anchor } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A tablet, or any touch screen: where controls are sized for fingers. */
export function useTouchScreen(): boolean {
  return useMediaQuery('(max-width: 64em), (pointer: coarse)', false, { getInitialValueInEffect: false });
}

/**
 * The size of the inspection screens' controls: large (50 px high, above the 44 px a finger needs) on a
 * touch screen, the ordinary size at a desk.
 */
export function useTouchSize(): 'lg' | 'md' {
  return useTouchScreen() ? 'lg' : 'md';
}

/** A link in a list's row: on a touch screen at least 44 px high, so a finger hits it. */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  const touch = useTouchScreen();
  return (
    <Anchor
      component={Link}
      to={to}
      mih={touch ? 44 : undefined}
      display={touch ? 'inline-flex' : undefined}
      style={touch ? { alignItems: 'center' } : undefined}
    >
      {children}
    </Anchor>
  );
}
