package dev.bacalhau4j.api;

/** A storage source of an input, as Bacalhau's {@code Source{Type, Params}}. */
public sealed interface SourceSpec permits IpfsSource, UrlSource, LocalSource, InlineSource {

    /**
     * The source type as job specs name it.
     *
     * @return {@code ipfs}, {@code urlDownload}, {@code local} or {@code inline}
     */
    String type();
}
