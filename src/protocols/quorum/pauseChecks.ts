export const quorumPauseChecks = {};
