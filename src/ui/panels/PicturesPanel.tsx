import { useState } from 'react';
import { useStoreApi } from '../../app/useStore';
import { canvasToSvg } from '../canvas/canvasSvg';
import { canvasPicture } from '../canvas/picture';
import { downloadBlob, pictureName, svgBlob } from '../pictures/download';
import { svgToPngBlob } from '../pictures/rasterize';

/** The canvas as it is now, as a picture for slides and notes (the diagram saves itself from its own toolbar). */
export function PicturesPanel() {
  const store = useStoreApi();
  const [error, setError] = useState<string | null>(null);

  const picture = () => {
    const state = store.getState();
    return { ...canvasToSvg(canvasPicture(state)), title: state.scenario.title, now: state.now };
  };
  const saveSvg = () => {
    const { svg, title, now } = picture();
    downloadBlob(svgBlob(svg), pictureName(title, 'canvas', now, 'svg'));
  };
  const savePng = async () => {
    const { svg, width, height, title, now } = picture();
    try {
      setError(null);
      downloadBlob(await svgToPngBlob(svg, width, height, 2), pictureName(title, 'canvas', now, 'png'));
    } catch (e) {
      setError(`The picture could not be made: ${(e as Error).message}.`);
    }
  };

  return (
    <section className="pictures" aria-labelledby="pictures-title">
      <h3 id="pictures-title">Pictures</h3>
      <div className="share-buttons">
        <button type="button" onClick={savePng}>
          Save canvas as PNG
        </button>
        <button type="button" onClick={saveSvg}>
          Save canvas as SVG
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
