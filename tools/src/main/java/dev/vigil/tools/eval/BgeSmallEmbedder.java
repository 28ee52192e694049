package dev.vigil.tools.eval;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.vigil.activities.knowledge.OnnxEmbedder;

/**
 * BGE-small-en-v1.5, quantised (384 dimensions, ONNX, shipped inside its jar; reads up to 510 tokens), as a
 * candidate retrieval model for the evaluation ({@code ./vigil eval --retriever bge-small}). The texts are embedded
 * without BGE's optional query instruction, as the index embeds queries and entries through one method. The vectors
 * come normalised from the model.
 */
public final class BgeSmallEmbedder extends OnnxEmbedder {

  public BgeSmallEmbedder(int threads) {
    super("bge-embedder", threads, BgeSmallEnV15QuantizedEmbeddingModel::new, 384, false);
  }
}
