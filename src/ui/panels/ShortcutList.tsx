import { SHORTCUTS } from '../shortcuts';

export function ShortcutList() {
  return (
    <section aria-labelledby="shortcuts-title" className="shortcuts">
      <h3 id="shortcuts-title">Keyboard</h3>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
