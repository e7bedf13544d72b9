import { benchmarkPhrase } from './benchmark';

/** What a run's figures are measured against, above them: "Benchmark: buy-and-hold of QQQ". */
export function BenchmarkNote({ benchmark }: { benchmark: string }) {
  return (
    <p className="benchmark-note">
      Benchmark: <strong>{benchmarkPhrase(benchmark)}</strong>
    </p>
  );
}
