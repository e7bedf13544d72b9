import { request as httpRequest } from 'node:http';
import { type JobStatus } from '@aetherquant/core';

/** The `status` events of a job's stream, read until the server ends it. */
export function streamedEvents(
  baseUrl: string,
  jobId: string,
  apiKey: string,
): Promise<{ contentType: string; events: JobStatus[] }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `${baseUrl}/api/jobs/${jobId}/events`,
      { headers: { 'X-API-Key': apiKey } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const events = text
            .split('\n\n')
            .filter((block) => block.startsWith('event: status\n'))
            .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as JobStatus);
          resolve({ contentType: String(response.headers['content-type']), events });
        });
      },
    );
    call.on('error', reject);
    call.end();
  });
}
