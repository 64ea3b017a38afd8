/** The node id format every protocol shares with the scenario format. */
export const NODE_ID_PATTERN = /^[a-z0-9-]{1,16}$/;
