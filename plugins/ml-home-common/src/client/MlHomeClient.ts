import { ResponseError } from '@backstage/errors';

/**
 * The subset of Backstage's DiscoveryApi the client needs.
 *
 * @public
 */
export interface MlHomeDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * The subset of Backstage's FetchApi the client needs (it adds the user's token).
 *
 * @public
 */
export interface MlHomeFetch {
  fetch: typeof fetch;
}

/**
 * The backend's answer to a health check.
 *
 * @public
 */
export interface MlHomeHealth {
  status: 'ok';
}

/**
 * The ML Home API as the frontend and scripts use it.
 *
 * @public
 */
export interface MlHomeApi {
  getHealth(): Promise<MlHomeHealth>;
}

/**
 * Talks to the ML Home backend over HTTP; non-OK answers become `ResponseError`s.
 *
 * @public
 */
export class MlHomeClient implements MlHomeApi {
  private readonly discoveryApi: MlHomeDiscovery;
  private readonly fetchApi: MlHomeFetch;

  constructor(options: { discoveryApi: MlHomeDiscovery; fetchApi: MlHomeFetch }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<MlHomeHealth> {
    return this.request<MlHomeHealth>('GET', '/health');
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ml-home');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}
