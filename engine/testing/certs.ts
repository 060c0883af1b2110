// Certificates for TLS tests, made with openssl in a temp dir: a CA, a server certificate
// for 127.0.0.1/localhost, client certificates signed by the CA, and an untrusted client
// certificate from a different CA.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from './tmp';

export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert(cn: string): { cert: string; key: string };
  untrustedClient: { cert: string; key: string };
  /** Paths of the PEM files, for CLI tests. */
  files: { caCert: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string; untrustedCert: string; untrustedKey: string };
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export function makeTestPki(clientCn = 'CP-TLS'): TestPki {
  const tmp = tempDir('ocpp-bench-pki-');
  const d = tmp.path;
  const key = (name: string) => openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`], d);
  key('ca');
  openssl(['req', '-x509', '-new', '-key', 'ca.key', '-days', '2', '-subj', '/CN=OCPP Bench Test CA/O=OCPP Bench', '-out', 'ca.pem'], d);
  key('other-ca');
  openssl(['req', '-x509', '-new', '-key', 'other-ca.key', '-days', '2', '-subj', '/CN=Untrusted CA', '-out', 'other-ca.pem'], d);
  writeFileSync(tmp.file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(tmp.file('client.ext'), 'extendedKeyUsage=clientAuth\n');
  const sign = (name: string, subj: string, ca: string, ext: string) => {
    key(name);
    openssl(['req', '-new', '-key', `${name}.key`, '-subj', subj, '-out', `${name}.csr`], d);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-extfile', ext, '-out', `${name}.pem`], d);
  };
  sign('server', '/CN=localhost/O=OCPP Bench CSMS', 'ca', 'server.ext');
  sign('client', `/CN=${clientCn}/O=OCPP Bench Charger`, 'ca', 'client.ext');
  sign('untrusted', `/CN=${clientCn}/O=Somebody Else`, 'other-ca', 'client.ext');
  const read = (f: string) => readFileSync(tmp.file(f), 'utf8');
  let n = 0;
  return {
    dir: d,
    caCert: read('ca.pem'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
    clientCert(cn: string) {
      if (cn === clientCn) return { cert: read('client.pem'), key: read('client.key') };
      const name = `client${++n}`;
      sign(name, `/CN=${cn}/O=OCPP Bench Charger`, 'ca', 'client.ext');
      return { cert: read(`${name}.pem`), key: read(`${name}.key`) };
    },
    untrustedClient: { cert: read('untrusted.pem'), key: read('untrusted.key') },
    files: {
      caCert: tmp.file('ca.pem'),
      serverCert: tmp.file('server.pem'),
      serverKey: tmp.file('server.key'),
      clientCert: tmp.file('client.pem'),
      clientKey: tmp.file('client.key'),
      untrustedCert: tmp.file('untrusted.pem'),
      untrustedKey: tmp.file('untrusted.key'),
    },
    remove: () => tmp.remove(),
  };
}
