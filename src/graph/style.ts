/**
 * Colours shared by the GEXF export and the viewer, so Gephi and the browser
 * show the same legend. Colour-blind-safe where possible (Okabe–Ito based).
 */
export const KIND_COLORS: Record<string, string> = {
  state: '#0072b2',
  igo: '#009e73',
  'armed-group': '#d55e00',
  group: '#cc79a7',
  'political-group': '#e69f00',
  'state-body': '#56b4e9',
  ngo: '#f0e442',
  media: '#999999',
  person: '#7f7f7f',
  other: '#bbbbbb',
};

export const RELATION_COLORS: Record<string, string> = {
  'allies-with': '#1b9e77',
  supports: '#66a61e',
  'met-with': '#7570b3',
  'negotiates-with': '#e6ab02',
  'mediated-by': '#a6761d',
  opposes: '#e7298a',
  fights: '#d95f02',
  'member-of': '#cccccc',
};

export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? KIND_COLORS.other!;
}

export function relationColor(type: string): string {
  return RELATION_COLORS[type] ?? '#888888';
}
