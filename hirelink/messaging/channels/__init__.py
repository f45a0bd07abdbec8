"""Channels behind one interface: `send(message) -> DeliveryResult`. See `registry.channel_for`."""
