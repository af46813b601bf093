/** The peer models: the evacuation model written the usual way, and in the agentscript framework. */
export const PEER_MODELS = ['baseline-objects', 'agentscript'] as const;
export type PeerModelName = (typeof PEER_MODELS)[number];

/** Whether a model is one of the peers. */
export function isPeerModel(model: string): model is PeerModelName {
  return (PEER_MODELS as readonly string[]).includes(model);
}
