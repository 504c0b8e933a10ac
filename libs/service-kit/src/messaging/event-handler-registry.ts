import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { CloudEvent, EventContext } from '@bcci/messaging';
import { topicFor } from '@bcci/contracts';
import type { EntityManager } from 'typeorm';
import { ON_EVENT_METADATA, type OnEventBinding } from './on-event.decorator';

export type OnEventHandler = (event: CloudEvent, manager: EntityManager, context: EventContext) => Promise<void> | void;

export interface DiscoveredHandler {
  eventType: string;
  topic: string;
  owner: string;
  handle: OnEventHandler;
}

/** Finds every @OnEvent method on the application's providers (at bootstrap, after instantiation). */
@Injectable()
export class EventHandlerRegistry {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
  ) {}

  discover(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const bindings: OnEventBinding[] | undefined = Reflect.getMetadata(ON_EVENT_METADATA, prototype, methodName);
        if (!bindings) continue;
        const method = instance[methodName] as OnEventHandler;
        for (const binding of bindings) {
          found.push({
            eventType: binding.eventType,
            topic: binding.topic ?? topicFor(binding.eventType),
            owner: `${instance.constructor.name}.${methodName}`,
            handle: method.bind(instance),
          });
        }
      }
    }
    const byType = new Map<string, DiscoveredHandler>();
    for (const handler of found) {
      const other = byType.get(handler.eventType);
      // One effect per event and consumer: two handlers would share one inbox row and one transaction.
      if (other) throw new Error(`@OnEvent(${handler.eventType}) is declared twice: ${other.owner} and ${handler.owner}`);
      byType.set(handler.eventType, handler);
    }
    return found;
  }
}
