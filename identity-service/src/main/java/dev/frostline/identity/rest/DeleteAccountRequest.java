package dev.frostline.identity.rest;

import jakarta.validation.constraints.Size;

/** @param password the account's current password, confirming the deletion */
public record DeleteAccountRequest(@Size(max = 1024) String password) {
}
