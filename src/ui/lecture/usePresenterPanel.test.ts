// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePresenterPanel } from './usePresenterPanel';

describe("presenter mode's panel", () => {
  it('starts closed and toggles with its button', () => {
    const { result } = renderHook(() => usePresenterPanel());
    expect(result.current.isShown).toBe(false);
    act(() => result.current.toggle());
    expect(result.current.isShown).toBe(true);
    act(() => result.current.toggle());
    expect(result.current.isShown).toBe(false);
  });

  it('opens each time it is asked for, and the presenter can still close it', () => {
    const { result, rerender } = renderHook(({ isAsked }) => usePresenterPanel(isAsked), {
      initialProps: { isAsked: false },
    });
    rerender({ isAsked: true });
    expect(result.current.isShown).toBe(true);
    act(() => result.current.toggle());
    expect(result.current.isShown).toBe(false);
    rerender({ isAsked: false });
    rerender({ isAsked: true });
    expect(result.current.isShown).toBe(true);
  });
});
