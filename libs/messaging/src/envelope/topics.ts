/** Dead letters of `topic` (architecture.md §2.7). */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith('.dlq');
}
