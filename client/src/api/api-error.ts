/**
 * The error every failed API call throws: the server's RFC 9457 problem details (status, title,
 * detail) or, when the server could not be reached or answered something else, a status of 0.
 */

export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly url: string,
    readonly problem: ProblemDetails,
  ) {
    super(`${problem.status || 'network'} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''} (${url})`);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Reads a problem+json body; anything else becomes a problem with the status text as title. */
export async function problemFrom(res: Response): Promise<ProblemDetails> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json();
      if (body && typeof body === 'object') {
        const b = body as Record<string, unknown>;
        return {
          type: typeof b.type === 'string' ? b.type : undefined,
          title: typeof b.title === 'string' ? b.title : res.statusText,
          status: typeof b.status === 'number' ? b.status : res.status,
          detail: typeof b.detail === 'string' ? b.detail : undefined,
        };
      }
    } catch {
      // fall through to the generic problem
    }
  }
  return { title: res.statusText || 'Request failed', status: res.status };
}
