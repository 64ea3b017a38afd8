import { useLecture } from '../lecture/LectureContext';
import { SHORTCUT_GROUPS } from '../shortcuts';

/** Every shortcut, by group: the body of the keyboard help. */
export function ShortcutTable() {
  return (
    <div className="shortcut-groups">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-labelledby={`keys-${group.title}`}>
          <h3 id={`keys-${group.title}`}>{group.title}</h3>
          <dl>
            {group.keys.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** The Run tab's way to the keyboard help. */
export function ShortcutList() {
  const { openHelp } = useLecture();
  return (
    <section aria-labelledby="shortcuts-title" className="shortcuts">
      <h3 id="shortcuts-title">Keyboard</h3>
      <p>
        <button type="button" onClick={openHelp} aria-keyshortcuts="Shift+?">
          Keyboard shortcuts
        </button>{' '}
        <span className="muted">
          or press <kbd>?</kbd>
        </span>
      </p>
    </section>
  );
}
