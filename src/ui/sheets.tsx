import { useEffect, useRef, useState } from 'react';

/** The panels a small screen opens over the stage instead of showing beside or under it. */
export type SheetId = 'tools' | 'panels';

export const sheetDomId = (sheet: SheetId) => `${sheet}-sheet`;

/**
 * Which sheet is open (one at a time). Opening one moves the focus to its Close button; closing it
 * gives the focus back to the button that opened it, so a keyboard user never lands on the page's top.
 */
export function useSheets(isEnabled: boolean) {
  const [open, setOpen] = useState<SheetId | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const shown = isEnabled ? open : null;
  useEffect(() => {
    if (!shown) return;
    document.getElementById(sheetDomId(shown))?.querySelector<HTMLButtonElement>('.sheet-close')?.focus();
  }, [shown]);
  const toggle = (sheet: SheetId) => {
    if (open === sheet) return close();
    opener.current = document.activeElement as HTMLElement | null;
    setOpen(sheet);
  };
  const close = () => {
    setOpen(null);
    opener.current?.focus();
    opener.current = null;
  };
  return { shown, toggle, close };
}

/** The button in the phone's bottom bar (or the tablet's header) that opens or closes a sheet. */
export function SheetButton({
  sheet,
  label,
  shown,
  onToggle,
}: {
  sheet: SheetId;
  label: string;
  shown: SheetId | null;
  onToggle: (sheet: SheetId) => void;
}) {
  return (
    <button
      type="button"
      className="sheet-button"
      aria-expanded={shown === sheet}
      aria-controls={sheetDomId(sheet)}
      onClick={() => onToggle(sheet)}
    >
      {label}
    </button>
  );
}

/** A sheet's title row with its Close button. */
export function SheetHead({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <div className="sheet-head">
      <h2 className="sheet-title">{title}</h2>
      <button type="button" className="sheet-close" onClick={onClose}>
        Close<span className="sr-only"> {title}</span>
      </button>
    </div>
  );
}
