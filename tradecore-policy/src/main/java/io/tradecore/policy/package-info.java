/**
 * Trained reinforcement-learning policies exported to ONNX: the observation spec beside the model
 * ({@link io.tradecore.policy.PolicySpecReader}), observations built from a window of bars and the
 * portfolio, VecNormalize, inference with onnxruntime ({@link io.tradecore.policy.PolicyModel}),
 * the action as a target position ({@link io.tradecore.policy.Policy}), and trace replay ({@link
 * io.tradecore.policy.PolicyReplay}). Plain doubles in, plain records out: the engine's adapter
 * turns them into actions.
 */
package io.tradecore.policy;
