import { MotionConfig } from 'motion/react';
import { AlertBanner } from './AlertBanner';

/** The alert banner with the animation settings it needs (a chunk of its own: `ui/lazy.tsx`). */
export default function MotionAlert() {
  return (
    <MotionConfig reducedMotion="user">
      <AlertBanner />
    </MotionConfig>
  );
}
