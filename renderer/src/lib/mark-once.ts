/** Marks a moment on the performance timeline, keeping only the latest mark of that name (the benchmarks read them). */
export function markOnce(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}
