import { describe, expect, it } from 'vitest';
import { gcFlags, memoryFlags } from '../scripts/neo4j-launcher.mjs';

describe('the local Neo4j launcher', () => {
  it('runs the parallel collector unless JAVA_TOOL_OPTIONS already names one (two would stop the JVM)', () => {
    expect(gcFlags({})).toEqual(['-XX:+UseParallelGC']);
    expect(gcFlags({ JAVA_TOOL_OPTIONS: '-Xss2m -XX:StartFlightRecording=duration=30s' })).toEqual(['-XX:+UseParallelGC']);
    expect(gcFlags({ JAVA_TOOL_OPTIONS: '-XX:+UseG1GC' })).toEqual([]);
    expect(gcFlags({ JAVA_TOOL_OPTIONS: '-Xss2m -XX:+UseZGC' })).toEqual([]);
  });

  it('touches the heap at start, backed by huge pages only where the OS has them', () => {
    expect(memoryFlags('linux')).toEqual(['-XX:+AlwaysPreTouch', '-XX:+UseTransparentHugePages']);
    expect(memoryFlags('darwin')).toEqual(['-XX:+AlwaysPreTouch']);
  });
});
