import { status } from '@grpc/grpc-js';
import { GrpcStatusError, unavailable } from '@swirl/grpc-kit';

/** JSON over HTTP to an OpenAI-compatible server, with its errors mapped to gRPC statuses. */
export class OpenAiHttpClient {
  constructor(
    /** e.g. http://vllm:8000/v1 */
    readonly baseUrl: string,
    private readonly apiKey: string | undefined,
  ) {}

  /** The server root (vLLM serves /tokenize and /detokenize beside /v1). */
  get rootUrl(): string {
    return this.baseUrl.replace(/\/v1\/?$/, '');
  }

  async post<T>(url: string, body: object, signal?: AbortSignal): Promise<T> {
    const res = await this.send(url, { method: 'POST', body: JSON.stringify(body), signal });
    return (await res.json()) as T;
  }

  async get<T>(url: string): Promise<T> {
    return (await (await this.send(url, { method: 'GET' })).json()) as T;
  }

  /** POST that answers server-sent events: yields each `data:` payload until [DONE]. */
  async *stream(url: string, body: object, signal: AbortSignal): AsyncGenerator<unknown> {
    const res = await this.send(url, { method: 'POST', body: JSON.stringify({ ...body, stream: true }), signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of event.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const data = line.slice(6);
          if (data === '[DONE]') return;
          yield JSON.parse(data);
        }
      }
    }
  }

  private async send(url: string, init: { method: string; body?: string; signal?: AbortSignal }): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) } });
    } catch (err) {
      if (init.signal?.aborted) throw err;
      throw unavailable(`the remote model server at ${this.baseUrl} is unreachable: ${(err as Error).message}`);
    }
    if (res.ok) return res;
    const text = await res.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: { message?: string }; message?: string }).error?.message ?? message;
    } catch {
      // not JSON: keep the text
    }
    const code = res.status === 400 || res.status === 422 ? status.INVALID_ARGUMENT : res.status === 404 ? status.NOT_FOUND : res.status === 429 ? status.RESOURCE_EXHAUSTED : status.UNAVAILABLE;
    throw new GrpcStatusError(code, `remote model server: ${res.status} ${message}`);
  }
}
