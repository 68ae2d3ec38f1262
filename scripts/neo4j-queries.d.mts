export interface ExampleQuery {
  id: string;
  question: string;
  params: Record<string, unknown>;
  cypher: string;
}
export declare const QUERIES_FILE: string;
export declare function readQueries(file?: string): ExampleQuery[];
export declare function queriesMarkdown(queries?: ExampleQuery[]): string;
