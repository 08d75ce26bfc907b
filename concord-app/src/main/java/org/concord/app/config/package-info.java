/**
 * The config file: one YAML file ({@code concord.yaml} by default) declaring the store, the
 * systems and the policies. Every problem is reported with the file, the dotted key and the
 * reason, and ends the command with exit code 2.
 */
package org.concord.app.config;
