/// <reference types="vite/client" />

/** Africa's country shapes, cut from world-atlas at build time (build/africa-topology.ts). */
declare module 'virtual:africa-topology' {
  import type { Topology } from 'topojson-specification';

  const topology: Topology;
  export default topology;
}
