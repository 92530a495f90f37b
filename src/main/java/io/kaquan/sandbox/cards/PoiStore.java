package io.kaquan.sandbox.cards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A store (门店, POI) of a sandbox account, as cgi-bin/poi/getpoilist lists it. */
@Entity(name = "SandboxPoi")
@Table(name = "sbx_poi")
public class PoiStore extends PanacheEntityBase {

    /** available_state: 1 system error, 2 reviewing, 3 approved, 4 rejected. Only approved stores have a poi_id. */
    public static final int APPROVED = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false)
    public String sid;

    @Column(name = "poi_id", nullable = false)
    public String poiId;

    @Column(name = "business_name", nullable = false)
    public String businessName;

    @Column(name = "branch_name", nullable = false)
    public String branchName;

    @Column(nullable = false)
    public String province;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String district;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String telephone;

    /** One category text such as "美食,小吃快餐". */
    @Column(nullable = false)
    public String categories;

    @Column(nullable = false)
    public double longitude;

    @Column(nullable = false)
    public double latitude;

    @Column(name = "available_state", nullable = false)
    public int availableState;

    public String displayName() {
        return branchName.isEmpty() ? businessName : businessName + "（" + branchName + "）";
    }
}
