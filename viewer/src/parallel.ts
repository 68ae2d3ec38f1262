// the server styles its boot view with the same curvatures, so they are the pipeline's code
export { parallelCurvatures, type EdgeEnds } from '../../src/graph/display.js';

/** The sigma 3 edge program for an edge. */
export function edgeProgram(directed: boolean, curvature: number): 'arrow' | 'line' | 'curvedArrow' | 'curved' {
  if (curvature !== 0) return directed ? 'curvedArrow' : 'curved';
  return directed ? 'arrow' : 'line';
}
