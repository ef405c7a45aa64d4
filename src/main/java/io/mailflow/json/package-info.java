/** The JSON form of mailflow's records, shared by topics, files and the HTTP API. */
package io.mailflow.json;
