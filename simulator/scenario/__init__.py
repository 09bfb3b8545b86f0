"""Loading and checking content files (scenarios, rulebooks, typologies) with positioned errors."""
