"""Python client for the swirl services.

The stubs are generated from protos/swirl/v1 (``swirl.v1.<file>_pb2`` and ``_pb2_grpc``);
this package adds a channel factory with the same conventions as the TypeScript kit.
"""

from swirl_client.channel import open_channel

__all__ = ["open_channel"]
