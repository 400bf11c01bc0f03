/** Runs a probe script's `main` and exits the process: 0 when it resolves, 1 (the error printed) when it throws. */
export function runProbe(main: () => Promise<void>): void {
  void main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
