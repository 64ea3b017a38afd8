import type { RoleLook } from '../types';

const roles: Readonly<Record<string, RoleLook>> = {
  follower: { label: 'follower', color: '#2f5d8a' },
  precandidate: { label: 'pre-candidate', color: '#8a5300' },
  candidate: { label: 'candidate', color: '#a34700' },
  leader: { label: 'leader', color: '#17703f' },
};

export function raftRoleLook(role: string): RoleLook | undefined {
  return roles[role];
}

/** Background of a log entry by its term; the term is always written in the cell too. */
const termColors = ['#e8eaed', '#cfe3fb', '#fbe3a6', '#c9efd9', '#f8d0e4', '#ddd5fb', '#fdd5b1', '#c6f0f4'];

export function termColor(term: number): string {
  return termColors[term % termColors.length] as string;
}
