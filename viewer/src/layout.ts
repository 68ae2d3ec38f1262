// The server computes the boot view's positions too, so they are the pipeline's code.
export { hash32, initialPositions, nearPosition, LevelPositions, BIG_GRAPH, type Pos } from '../../src/graph/positions.js';
