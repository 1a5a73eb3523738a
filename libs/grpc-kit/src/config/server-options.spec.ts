import { OptionError } from './option-spec';
import { loadServerConfig, serverOptionSpec } from './server-options';

describe('loadServerConfig', () => {
  it('has documented defaults', () => {
    const c = loadServerConfig(serverOptionSpec, {});
    expect(c).toMatchObject({ host: '0.0.0.0', grpcPort: 50051, metricsPort: 9464, shutdownGraceMs: 10000, logLevel: 'info' });
    expect(c.maxReceiveMessageBytes).toBe(16 * 1024 * 1024);
    expect(c.authToken).toBeUndefined();
  });

  it.each([
    [['--grpc-port=70000'], /--grpc-port must be a port number/],
    [['--metrics-port=-2'], /--metrics-port must be a port number 0-65535 or -1/],
    [['--tls-cert=a.pem'], /TLS needs both --tls-cert and --tls-key/],
    [['--tls-client-ca=ca.pem'], /--tls-client-ca needs --tls-cert/],
    [['--log-level=loud'], /--log-level must be one of/],
    [['--auth-token=short'], /at least 16 characters/],
    [['--max-receive-message-bytes=10'], /at least 1024 bytes/],
  ])('rejects %j', (argv, message) => {
    expect(() => loadServerConfig(serverOptionSpec, { argv })).toThrow(OptionError);
    expect(() => loadServerConfig(serverOptionSpec, { argv })).toThrow(message);
  });

  it('reads the environment', () => {
    const c = loadServerConfig(serverOptionSpec, { env: { SWIRL_GRPC_PORT: '6000', SWIRL_AUTH_TOKEN: 'x'.repeat(20) } });
    expect(c.grpcPort).toBe(6000);
    expect(c.authToken).toBe('x'.repeat(20));
  });
});
