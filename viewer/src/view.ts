// The level switch and the modality filter reuse the pipeline's own view function.
export { viewGraph } from '../../src/graph/view.js';
