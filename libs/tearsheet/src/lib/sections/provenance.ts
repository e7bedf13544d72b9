import { html, type Html } from '../format/html';
import { section, type SectionContext } from './section';

/** The spec that reruns the run, and where the run and this page came from. */
export function provenanceSection(context: SectionContext): Html {
  const { input } = context;
  const p = input.provenance;
  const spec =
    input.spec === undefined
      ? html``
      : html`<h3>Spec</h3><p class="note">The request with everything it resolved pinned:<code>aetherquant runs spec ${p.runId}</code>writes it as a --config file that reruns the run.</p><pre class="spec">${JSON.stringify(input.spec, null, 2)}</pre>`;
  const fact = (term: string, value: string | null) => html`<dt>${term}</dt><dd>${value ?? '—'}</dd>`;
  return section(
    'provenance',
    'Run and data',
    html`<dl class="facts">${fact('Run', p.runId)}${fact('Type', p.runType)}${fact('Recorded', p.recordedAt)}${fact('Data', p.provider)}${fact('Data hash', p.dataHash)}${fact('Job', p.jobId)}${Object.entries(p.versions).map(([name, version]) => fact(name, version))}${fact('Report made', p.generatedAt)}</dl>${spec}`,
  );
}
