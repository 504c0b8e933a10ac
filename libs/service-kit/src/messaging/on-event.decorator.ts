import 'reflect-metadata';

export const ON_EVENT_METADATA = 'bcci:service-kit:on-event';

export interface OnEventOptions {
  /** Topic to subscribe to; default topicFor(eventType) from contracts/topics.json. */
  topic?: string;
}

export interface OnEventBinding {
  eventType: string;
  topic?: string;
}

/**
 * Marks a provider method as the handler of an event type. The service kit subscribes the service's
 * consumer group (`bcci.<service>`) to the type's topic and calls `method(event, manager, context)`
 * inside the inbox transaction: do every write with `manager`; a redelivered event never reaches it.
 * Throw NonRetriableError (from @bcci/messaging) for an event that can never be handled (→ dead letter).
 */
export function OnEvent(eventType: string, options: OnEventOptions = {}): MethodDecorator {
  return (target, propertyKey) => {
    const existing: OnEventBinding[] = Reflect.getMetadata(ON_EVENT_METADATA, target, propertyKey) ?? [];
    Reflect.defineMetadata(ON_EVENT_METADATA, [...existing, { eventType, topic: options.topic }], target, propertyKey);
  };
}
