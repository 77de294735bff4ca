// The `vsce package` arguments of `npm run package`. package.json names no repository (none is
// public yet, and a made-up URL would be worse), so vsce cannot make the README's relative links
// absolute by itself. Without CPL_BASE_URL they stay relative (--no-rewrite-relative-links): VS Code's
// extension page finds the pictures in the VSIX, the Marketplace does not. CPL_BASE_URL is where the
// hosted sources are served raw at the published branch (on GitHub: …/raw/main); the README's images,
// and its links unless CPL_BASE_CONTENT_URL says where files are shown (…/blob/main), point under it.

/** The variable's value as an https URL; undefined when unset; throws on anything else. */
function httpsUrl(env, name) {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: ${value}`);
  }
  // The Marketplace shows README images from https sources only.
  if (url.protocol !== 'https:') throw new Error(`${name} must be an https URL: ${value}`);
  return value;
}

/** `vsce package` arguments that write the VSIX to `out`, given the environment. */
export function vsceArgs(env, out) {
  const base = httpsUrl(env, 'CPL_BASE_URL');
  const content = httpsUrl(env, 'CPL_BASE_CONTENT_URL');
  if (content && !base) throw new Error('CPL_BASE_CONTENT_URL needs CPL_BASE_URL (the images\' base)');
  const links = base ? ['--baseContentUrl', content ?? base, '--baseImagesUrl', base] : ['--no-rewrite-relative-links'];
  return ['package', '--no-dependencies', '--allow-missing-repository', ...links, '--out', out];
}
