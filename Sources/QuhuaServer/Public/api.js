// Small helpers shared by the modules: fetching JSON from the server,
// reading RFC 9457 problem answers, the bearer token, and building DOM.

const TOKEN_KEY = 'quhua.token';

/** The bearer token kept for this browser tab (sessionStorage), or ''. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** An HTTP error carrying the server's problem JSON when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Fetches a server path and decodes its JSON answer.
 *
 *     const { suggestions } = await getJSON('/autocomplete', { q: 'cqs' });
 *
 * Parameters whose value is '', null or undefined are left out.
 * Throws ApiError for a non-2xx answer (with the problem JSON if sent).
 */
export async function getJSON(path, params = {}, options = {}) {
  return request('GET', path + query(params), undefined, options);
}

export async function postJSON(path, body, options = {}) {
  return request('POST', path, body, options);
}

async function request(method, url, body, { auth = false, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && token()) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(url, {
    method, headers, signal,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) throw new ApiError(response.status, data ?? { detail: text.slice(0, 300) });
  return data;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== '' && value !== null && value !== undefined) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Builds an element: el('a', { href: '#x', class: 'c' }, 'text', child).
 * Attributes starting with "on" become listeners; text is never parsed as HTML.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** "1997-12-20–1998-05-22", "1998-05-22–", "…–1992-12-11" or "" for always. */
export function period(p) {
  if (!p || (!p.from && !p.to)) return '';
  return `${p.from || '…'}–${p.to || ''}`;
}

export const LEVELS = {
  country: '国家', province: '省级', prefecture: '地级', county: '县级',
  township: '乡级', village: '村级', feature: '地物',
};

export function levelName(level) {
  return LEVELS[level] ? `${LEVELS[level]}` : (level || '');
}

/** A message for an error: the problem's title and detail, or the exception. */
export function describeError(error) {
  if (error instanceof ApiError) {
    const p = error.problem || {};
    return [p.status || error.status, p.title, p.detail].filter(Boolean).join(' · ');
  }
  return String(error?.message || error);
}
