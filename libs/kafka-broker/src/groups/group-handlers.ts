import { ApiKey } from '../protocol/api-keys';
import { ErrorCode } from '../protocol/error-codes';
import { decodeDeleteGroupsRequest, encodeDeleteGroupsResponse } from '../protocol/messages/delete-groups';
import { decodeDescribeGroupsRequest, encodeDescribeGroupsResponse } from '../protocol/messages/describe-groups';
import { CoordinatorKeyType, decodeFindCoordinatorRequest, encodeFindCoordinatorResponse } from '../protocol/messages/find-coordinator';
import { decodeHeartbeatRequest, encodeHeartbeatResponse } from '../protocol/messages/heartbeat';
import { decodeJoinGroupRequest, encodeJoinGroupResponse } from '../protocol/messages/join-group';
import { decodeLeaveGroupRequest, encodeLeaveGroupResponse } from '../protocol/messages/leave-group';
import { decodeListGroupsRequest, encodeListGroupsResponse } from '../protocol/messages/list-groups';
import { decodeOffsetCommitRequest, encodeOffsetCommitResponse } from '../protocol/messages/offset-commit';
import { decodeOffsetFetchRequest, encodeOffsetFetchResponse } from '../protocol/messages/offset-fetch';
import { decodeSyncGroupRequest, encodeSyncGroupResponse } from '../protocol/messages/sync-group';
import { Writer } from '../protocol/writer';
import type { ApiHandlers, BrokerNode } from '../server/api-handler';
import type { GroupCoordinator } from './group-coordinator';

/** Throttling is always 0: kafkajs sleeps client-side on any non-zero value (KIP-219, docs §8.8). */
const THROTTLE = 0;

function encoded(write: (writer: Writer) => void): Buffer {
  const writer = new Writer();
  write(writer);
  return writer.toBuffer();
}

/**
 * Handlers for the ten group APIs. `getNode` is read per request because the server learns its real port
 * only after binding (ephemeral ports in tests).
 */
export function createGroupHandlers(coordinator: GroupCoordinator, getNode: () => BrokerNode): ApiHandlers {
  return {
    [ApiKey.FindCoordinator]: async ({ version, body }) => {
      const request = decodeFindCoordinatorRequest(body, version);
      const node = getNode();
      // Single node: this broker coordinates every group and (if transactions are added) every transactional id.
      let errorCode: ErrorCode = ErrorCode.None;
      let errorMessage: string | null = null;
      if (request.keyType !== CoordinatorKeyType.Group && request.keyType !== CoordinatorKeyType.Transaction) {
        errorCode = ErrorCode.InvalidRequest;
        errorMessage = `unknown coordinator key type ${request.keyType}`;
      } else if (!coordinator.isReady) {
        errorCode = ErrorCode.CoordinatorNotAvailable;
        errorMessage = 'the group coordinator is loading';
      }
      const ok = errorCode === ErrorCode.None;
      return encoded((w) =>
        encodeFindCoordinatorResponse(w, version, {
          throttleTimeMs: THROTTLE,
          errorCode,
          errorMessage,
          nodeId: ok ? node.nodeId : -1,
          host: ok ? node.host : '',
          port: ok ? node.port : -1,
        }),
      );
    },

    [ApiKey.JoinGroup]: async ({ version, body, context }) => {
      const request = decodeJoinGroupRequest(body, version);
      const result = await coordinator.joinGroup(request, version, { clientId: context.clientId, clientHost: context.clientHost });
      return encoded((w) => encodeJoinGroupResponse(w, version, { throttleTimeMs: THROTTLE, ...result }));
    },

    [ApiKey.SyncGroup]: async ({ version, body }) => {
      const request = decodeSyncGroupRequest(body, version);
      const result = await coordinator.syncGroup(request.groupId, request);
      return encoded((w) => encodeSyncGroupResponse(w, version, { throttleTimeMs: THROTTLE, ...result }));
    },

    [ApiKey.Heartbeat]: async ({ version, body }) => {
      const request = decodeHeartbeatRequest(body, version);
      const errorCode = coordinator.heartbeat(request.groupId, request.generationId, request.memberId);
      return encoded((w) => encodeHeartbeatResponse(w, version, { throttleTimeMs: THROTTLE, errorCode }));
    },

    [ApiKey.LeaveGroup]: async ({ version, body }) => {
      const request = decodeLeaveGroupRequest(body, version);
      const members = coordinator.leaveGroup(
        request.groupId,
        request.members.map((m) => m.memberId),
      ).map((result, index) => ({ ...result, groupInstanceId: request.members[index].groupInstanceId }));
      // v0–2 report the single member's outcome at the top level; v3 reports per member (Kafka does the same).
      const errorCode = version < 3 ? (members[0]?.errorCode ?? ErrorCode.None) : ErrorCode.None;
      return encoded((w) => encodeLeaveGroupResponse(w, version, { throttleTimeMs: THROTTLE, errorCode, members }));
    },

    [ApiKey.OffsetCommit]: async ({ version, body }) => {
      const request = decodeOffsetCommitRequest(body, version);
      const topics = coordinator.commitOffsets(request);
      return encoded((w) => encodeOffsetCommitResponse(w, version, { throttleTimeMs: THROTTLE, topics }));
    },

    [ApiKey.OffsetFetch]: async ({ version, body }) => {
      const request = decodeOffsetFetchRequest(body, version);
      const result = coordinator.fetchOffsets(request);
      if (version < 2 && result.errorCode !== ErrorCode.None) {
        // v1 has no group-level error: report it on every partition asked for.
        result.topics = (request.topics ?? []).map((topic) => ({
          name: topic.name,
          partitions: topic.partitionIndexes.map((partitionIndex) => ({
            partitionIndex,
            committedOffset: -1,
            committedMetadata: '',
            errorCode: result.errorCode,
          })),
        }));
      }
      return encoded((w) => encodeOffsetFetchResponse(w, version, { throttleTimeMs: THROTTLE, ...result }));
    },

    [ApiKey.DescribeGroups]: async ({ version, body }) => {
      const request = decodeDescribeGroupsRequest(body, version);
      const groups = coordinator.describeGroups(request.groups);
      return encoded((w) => encodeDescribeGroupsResponse(w, version, { throttleTimeMs: THROTTLE, groups }));
    },

    [ApiKey.ListGroups]: async ({ version, body }) => {
      decodeListGroupsRequest(body, version);
      const errorCode = coordinator.isReady ? ErrorCode.None : ErrorCode.CoordinatorNotAvailable;
      const groups = coordinator.isReady ? coordinator.listGroups() : [];
      return encoded((w) => encodeListGroupsResponse(w, version, { throttleTimeMs: THROTTLE, errorCode, groups }));
    },

    [ApiKey.DeleteGroups]: async ({ version, body }) => {
      const request = decodeDeleteGroupsRequest(body, version);
      const results = coordinator.deleteGroups(request.groupsNames);
      return encoded((w) => encodeDeleteGroupsResponse(w, version, { throttleTimeMs: THROTTLE, results }));
    },
  };
}
