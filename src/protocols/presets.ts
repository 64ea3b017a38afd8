/**
 * The shipped presets. Each protocol folder lists its own in its manifest (`<protocol>/manifest.ts`);
 * this re-exports the registry's view of them for the code and tests that import them from here.
 */
export { DEFAULT_PRESET, getPreset, getPresetFile, loadPreset, type PresetEntry as Preset, presets } from '.';
