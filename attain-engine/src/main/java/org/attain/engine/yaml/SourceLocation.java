package org.attain.engine.yaml;

/** A place in a source text: 1-based line and column, as an editor shows them. */
public record SourceLocation(String source, int line, int column) implements java.io.Serializable {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
