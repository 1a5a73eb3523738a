import * as grpc from '@grpc/grpc-js';
import { CoordinatorServiceService, type GetTrajectoryRequest, type GetTrajectoryResponse, type Trajectory } from '@swirl/proto';

/**
 * The one coordinator RPC the judge reads, served from a map on loopback: the coordinator
 * itself is another service (issue of its own), so this stands in for its trajectory store at
 * the contract level. Every other coordinator method answers UNIMPLEMENTED.
 */
export async function startTrajectoryStore(trajectories: readonly Trajectory[]): Promise<{ target: string; requests: string[]; stop: () => Promise<void> }> {
  const byId = new Map(trajectories.map((t) => [t.id, t]));
  const requests: string[] = [];
  const server = new grpc.Server();
  server.addService(CoordinatorServiceService, {
    getTrajectory: (call: grpc.ServerUnaryCall<GetTrajectoryRequest, GetTrajectoryResponse>, callback: grpc.sendUnaryData<GetTrajectoryResponse>) => {
      requests.push(call.request.trajectoryId);
      const t = byId.get(call.request.trajectoryId);
      if (t === undefined) callback({ code: grpc.status.NOT_FOUND, details: `no trajectory ${call.request.trajectoryId}` });
      else callback(null, { trajectory: t });
    },
  } as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { target: `127.0.0.1:${port}`, requests, stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())) };
}
