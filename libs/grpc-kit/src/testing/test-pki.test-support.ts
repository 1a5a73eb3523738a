import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM certificate and its key, as files. */
export interface CertFiles {
  readonly cert: string;
  readonly key: string;
}

/**
 * Real certificates made by the openssl CLI in a scratch directory: a CA, leaf certificates it
 * signed, and an unrelated CA (for "wrong CA" cases). Leaves carry no extended key usage, so one
 * certificate serves both as a server's and as a client's, as in the Kubernetes tls component.
 */
export interface TestPki {
  readonly dir: string;
  readonly ca: CertFiles;
  readonly otherCa: CertFiles;
  /** A leaf signed by `ca` with the given DNS names (IP addresses become IP SANs). */
  issue(name: string, subjectAltNames: readonly string[]): CertFiles;
  dispose(): void;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: readonly string[]): void {
  execFileSync('openssl', [...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): CertFiles {
  const files = { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  openssl(['req', '-x509', ...EC, '-days', '1', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign', '-keyout', files.key, '-out', files.cert]);
  return files;
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'swirl-pki-'));
  const ca = makeCa(dir, 'ca');
  const otherCa = makeCa(dir, 'other-ca');
  return {
    dir,
    ca,
    otherCa,
    issue(name, subjectAltNames) {
      const files = { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
      const csr = join(dir, `${name}.csr`);
      const ext = join(dir, `${name}.ext`);
      const sans = subjectAltNames.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
      writeFileSync(ext, `basicConstraints=critical,CA:FALSE\nsubjectAltName=${sans}\n`);
      openssl(['req', '-new', ...EC, '-subj', `/CN=${name}`, '-keyout', files.key, '-out', csr]);
      openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '1', '-extfile', ext, '-out', files.cert]);
      return files;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
