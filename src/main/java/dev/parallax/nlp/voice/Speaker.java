package dev.parallax.nlp.voice;

import java.io.Serializable;

/**
 * A canonical speaker of the speakers map.
 *
 * @param canonical the normalised name, e.g. "Donald Trump"
 * @param affiliation e.g. "U.S. government"; may be empty
 * @param country ISO 3166-1 alpha-2 code, e.g. "US"; may be empty
 * @param type e.g. "person", "government", "organisation"
 */
public record Speaker(String canonical, String affiliation, String country, String type)
    implements Serializable {}
