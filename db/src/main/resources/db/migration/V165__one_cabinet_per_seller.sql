-- A cabinet is one WB seller: a new key of the same seller replaces the old key in its cabinet (CabinetRepository).
CREATE UNIQUE INDEX uq_wb_cabinets_seller_id ON wb_cabinets (seller_id);
