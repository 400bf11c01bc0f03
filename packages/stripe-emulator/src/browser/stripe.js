// stand-in placeholder
