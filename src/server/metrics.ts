import { createCounter, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { MAX_POOL_SIZE, type Database } from '../db/database.js';

/** The service's Prometheus metrics, served at /metrics: one registry per server, so tests can run several. */
export function metricsPlugin(db: Database): Plugin {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const queryDuration = new Histogram({
    name: 'neo4j_transaction_duration_seconds',
    help: 'Time a Neo4j transaction took, session included, by access mode and outcome.',
    labelNames: ['mode', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  db.observe(({ mode, seconds, ok }) =>
    queryDuration.observe({ mode: mode.toLowerCase(), outcome: ok ? 'ok' : 'error' }, seconds),
  );
  new Gauge({
    name: 'neo4j_pool_connections_in_use',
    help: 'Neo4j sessions open now; each holds one pooled connection.',
    registers: [registry],
    collect() {
      this.set(db.activeSessions);
    },
  });
  new Gauge({
    name: 'neo4j_pool_connections_max',
    help: 'Size of the Neo4j driver connection pool.',
    registers: [registry],
    collect() {
      this.set(MAX_POOL_SIZE);
    },
  });
  return usePrometheus({
    endpoint: '/metrics',
    registry,
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_errors_total',
          help: 'GraphQL errors returned, by error code, phase and operation name.',
          labelNames: ['code', 'phase', 'operationName'],
        },
        fillLabelsFn: (params) => ({
          code: String(params.error?.extensions?.code ?? 'UNKNOWN'),
          phase: params.errorPhase ?? 'unknown',
          operationName: params.operationName ?? 'Anonymous',
        }),
      }),
    },
  });
}
